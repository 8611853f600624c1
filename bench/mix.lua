-- wrk script for bench/load.sh and bench/faults.sh. Environment:
--   BENCH_COOKIE  the Cookie header (session and CSRF cookies of one signed-in user)
--   BENCH_CSRF    the CSRF token matching the CSRF cookie
--   BENCH_MIX     "mix": 40 % article reads, 45 % journal reads, 15 % entry creates (default)
--                 "journal": journal reads only
-- Prints a RESULT line like stats.lua, then a STATUS line with responses counted by status class.
local cookie = os.getenv("BENCH_COOKIE") or ""
local token = os.getenv("BENCH_CSRF") or ""
local mix = os.getenv("BENCH_MIX") or "mix"
local today = os.date("%Y-%m-%d")

local articles = { "/articles/iron-deficiency", "/articles/vitamin-d-deficiency", "/articles/heavy-legs",
  "/articles/magnesium-deficiency", "/articles?q=tingling", "/articles?q=cramps+at+night", "/articles" }
local symptoms = { "heaviness", "cramps", "tingling", "fatigue", "restless-legs", "numbness" }

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  s2, s3, s4, s503, s5 = 0, 0, 0, 0, 0
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

local function journal_read()
  local page = math.random(10)
  local path = page <= 6 and "/journal" or ("/journal?page=" .. math.random(2, 50))
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end

-- A create is dated today or, as backfill, on a day of the last year: a heavy user writes several entries a day,
-- not a thousand on one day (that case is described in RESULTS.md: each create then recomputes every entry of
-- the day under the owner's lock).
local function entry_date()
  if os.getenv("BENCH_SAME_DAY") == "1" or math.random(4) == 1 then return today end
  return os.date("%Y-%m-%d", os.time() - math.random(1, 364) * 86400)
end

local function create()
  local body = "csrf-token=" .. urlencode(token) .. "&date=" .. entry_date()
    .. string.format("&time=%02d:%02d", math.random(6, 22), math.random(0, 59))
    .. "&severity=" .. math.random(0, 10)
    .. "&symptoms=" .. symptoms[math.random(#symptoms)] .. "&symptoms=" .. symptoms[math.random(#symptoms)]
    .. "&factors=low-fluids&notes=" .. urlencode("written by bench/load.sh")
  return wrk.format("POST", "/journal", { ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

function request()
  if mix == "journal" then return journal_read() end
  local r = math.random(100)
  if r <= 40 then return wrk.format("GET", articles[math.random(#articles)]) end
  if r <= 85 then return journal_read() end
  return create()
end

function response(status, headers, body)
  if status < 300 then s2 = s2 + 1
  elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1
  elseif status == 503 then s503 = s503 + 1
  else s5 = s5 + 1 end
end

function done(summary, latency, requests)
  local t = { 0, 0, 0, 0, 0 }
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("s2"); t[2] = t[2] + thread:get("s3"); t[3] = t[3] + thread:get("s4")
    t[4] = t[4] + thread:get("s503"); t[5] = t[5] + thread:get("s5")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status + socket, summary.requests))
  io.write(string.format("STATUS 2xx=%d 3xx=%d 4xx=%d 503=%d other5xx=%d socket=%d timeouts=%d max_ms=%.0f\n",
    t[1], t[2], t[3], t[4], t[5], socket, e.timeout, latency.max / 1000))
end
