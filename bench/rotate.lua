-- wrk script for the warm-up of bench/run.sh and bench/profile.sh: every connection walks through the paths in
-- BENCH_PATHS (separated by spaces) in turn, so that the JIT compiles every page's path before any is measured.
-- The Cookie header comes from wrk's -H. Prints a RESULT line like stats.lua.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do table.insert(paths, p) end
local i = 0

function init(args)
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, summary.requests))
end
