-- Replays a request file written by io.stsgate.load.LoadFixtures (one request per line: method, path, body, then
-- "Name: value" headers, tab-separated). Each wrk thread takes its own lines (thread k of n: lines k, k+n, ...), so
-- a one-time-use pool (SAML assertions) is never sent twice unless it runs out; then it wraps and the replays show
-- up as errors, or, with "once", the thread stops. Counts every response that is not a 200 and prints one machine-readable RESULT line.
--   wrk -t2 -c50 -d10s -s requests.lua http://127.0.0.1:8080 -- target/load/web-identity.requests 2

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "no request file " .. tostring(args[1]))
  -- wrk calls setup and init thread by thread, so the thread count comes as the second script argument.
  local thread_count = assert(tonumber(args[2]), "second script argument: the wrk thread count")
  requests = {}
  local index = 0
  for line in file:lines() do
    if index % thread_count == id then
      local fields = {}
      for field in (line .. "\t"):gmatch("([^\t]*)\t") do
        table.insert(fields, field)
      end
      local headers = {}
      for i = 4, #fields do
        local name, value = fields[i]:match("^([^:]+): (.*)$")
        headers[name] = value
      end
      local body = fields[3] ~= "" and fields[3] or nil
      table.insert(requests, wrk.format(fields[1], fields[2], headers, body))
    end
    index = index + 1
  end
  file:close()
  assert(#requests > 0, "thread " .. id .. " has no requests in " .. args[1])
  -- "once" (third argument): a thread stops when its lines are spent instead of sending them again. Its rate is then
  -- understated (wrk divides by the whole duration): for checks (--brief), not for measurements.
  once = args[3] == "once"
  -- Fourth argument (soak mode, with paced.lua): milliseconds each connection waits between its requests.
  delay_ms = tonumber(args[4]) or 0
  next_request = 1
  wrapped = 0
  non200 = 0
  first_error = ""
end

function request()
  local r = requests[next_request]
  next_request = next_request + 1
  if next_request > #requests then
    next_request = 1
    if once then
      wrk.thread:stop()
    else
      wrapped = wrapped + 1
    end
  end
  return r
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if first_error == "" then
      first_error = status .. " " .. (body or ""):sub(1, 300):gsub("%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local non200, wrapped, first_error = 0, 0, ""
  for _, thread in ipairs(threads) do
    non200 = non200 + thread:get("non200")
    wrapped = wrapped + thread:get("wrapped")
    local e = thread:get("first_error")
    if first_error == "" and e ~= nil then
      first_error = e
    end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non200=%d socket_errors=%d wrapped=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), non200,
    e.connect + e.read + e.write + e.timeout, wrapped))
  if first_error ~= "" then
    io.write("FIRST_ERROR " .. first_error .. "\n")
  end
end
