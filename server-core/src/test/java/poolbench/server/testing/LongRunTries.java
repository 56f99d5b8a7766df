package poolbench.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * How many cases a jqwik property tries in the long run ({@link LongRun}); its {@code @Property(tries = ...)}
 * stays the count of the default run. jqwik has no switch of its own between the two.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(LongRunTries.Hook.class)
public @interface LongRunTries {

    int value();

    /** Raises the property's tries to the annotation's value when the long run is on. */
    final class Hook implements AroundPropertyHook {

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            if (LongRun.enabled()) {
                context.findAnnotation(LongRunTries.class).ifPresent(t -> context.attributes().setTries(t.value()));
            }
            return property.execute();
        }
    }
}
