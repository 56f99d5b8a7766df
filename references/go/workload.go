package main

import (
	"bytes"
	"strconv"
	"time"
)

// The workloads of poolbench's server-core (Endpoints.java), byte for byte: the same bodies, statuses, content
// types and 400/404/405 rules, from the method, the raw path and the raw query.

const (
	maxSleepMs = 60000
	maxWork    = 100000000

	textPlain       = "text/plain"
	applicationJSON = "application/json"
)

type reply struct {
	status      int
	contentType string
	body        []byte
}

var (
	plaintextReply        = reply{200, textPlain, []byte("Hello, World!")}
	jsonReply             = reply{200, applicationJSON, []byte(`{"message":"Hello, World!"}`)}
	notFoundReply         = reply{404, textPlain, []byte("Not Found")}
	methodNotAllowedReply = reply{405, textPlain, []byte("Method Not Allowed")}
	badSleepReply         = reply{400, textPlain, []byte("ms must be an integer from 0 to " + strconv.Itoa(maxSleepMs))}
	badWorkReply          = reply{400, textPlain, []byte("work must be an integer from 0 to " + strconv.Itoa(maxWork))}
)

// answer serves one request; target is the raw request-target (path, then '?' and the query if any). It takes
// bytes so that fasthttp's handler allocates nothing; the string(...) comparisons below do not copy.
func answer(method, target []byte) reply {
	if string(method) != "GET" {
		return methodNotAllowedReply
	}
	path, query := target, []byte(nil)
	if q := bytes.IndexByte(target, '?'); q >= 0 {
		path, query = target[:q], target[q+1:]
	}
	switch {
	case string(path) == "/plaintext":
		return plaintextReply
	case string(path) == "/json":
		return jsonReply
	case string(path) == "/sleep":
		ms := queryInt(query, "ms", maxSleepMs)
		if ms < 0 {
			return badSleepReply
		}
		time.Sleep(time.Duration(ms) * time.Millisecond)
		return plaintextReply
	case string(path) == "/cpu":
		work := queryInt(query, "work", maxWork)
		if work < 0 {
			return badWorkReply
		}
		return reply{200, textPlain, []byte(strconv.FormatUint(burn(uint64(work)), 16))}
	default:
		return notFoundReply
	}
}

// burn runs n rounds of splitmix64, as Endpoints.burn does, and returns the result so that it cannot be skipped.
func burn(n uint64) uint64 {
	x := n
	for i := uint64(0); i < n; i++ {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		x = z ^ (z >> 31)
	}
	return x
}

// queryInt reads the first name=value parameter of query as an integer in [0, max], or -1 when it is missing,
// empty, longer than ten digits, not all digits or out of range.
func queryInt(query []byte, name string, max int64) int64 {
	for p := 0; p < len(query); {
		amp := bytes.IndexByte(query[p:], '&')
		if amp < 0 {
			amp = len(query)
		} else {
			amp += p
		}
		eq := p + len(name)
		if eq < amp && query[eq] == '=' && string(query[p:eq]) == name {
			return parseBounded(query[eq+1:amp], max)
		}
		p = amp + 1
	}
	return -1
}

func parseBounded(s []byte, max int64) int64 {
	if len(s) == 0 || len(s) > 10 {
		return -1
	}
	var n int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int64(s[i]-'0')
	}
	if n > max {
		return -1
	}
	return n
}
