-- wrk reporting for the bench: one machine-readable line with requests/s, p50 and p99 in milliseconds, and
-- errors (responses with status 400 or more, plus connect, read, write and timeout errors).
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
