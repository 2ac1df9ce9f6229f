-- Each request carries the next session cookie of the file given after --: 50 connections are then 50
-- people, not one person's 50 tabs (which would queue on their one session's lock).
-- done() prints wrk's summary in one line the run script reads: req/s, latency percentiles (ms),
-- answers that were not 2xx/3xx, socket errors and timeouts, requests.
local cookies = {}
local next_cookie = 0

init = function(args)
    for line in io.lines(args[1]) do
        cookies[#cookies + 1] = line
    end
end

request = function()
    next_cookie = next_cookie % #cookies + 1
    return wrk.format(nil, nil, { ["Cookie"] = cookies[next_cookie] })
end

done = function(summary, latency, requests)
    local seconds = summary.duration / 1000000
    io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d %d %d\n",
        summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        summary.requests))
end
