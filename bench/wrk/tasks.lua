-- wrk script: single-record tasks, submitted and awaited. Each connection submits a task
-- (POST /api/models/iris_model/tasks) and, on its next turn, long-polls a submitted task
-- (GET /api/tasks/ID?wait=10s) until it ends: as many submitters as connections, each with one
-- task in flight, as in the harness's "task" mode. done() prints the tasks that ended SUCCEEDED
-- per second of the run (wrk's own figures count requests: two a task).
local record = '{"sepal_length":6.3,"sepal_width":2.8,"petal_length":5.1,"petal_width":1.5}'
local submitted = {}
-- Globals, so that done() can read each thread's counts with thread:get().
succeeded, unfinished, failed = 0, 0, 0
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function request()
   local id = table.remove(submitted)
   if id then
      return wrk.format("GET", "/api/tasks/" .. id .. "?wait=10s")
   end
   return wrk.format("POST", "/api/models/iris_model/tasks", {["Content-Type"] = "application/json"}, record)
end

function response(status, headers, body)
   if status == 202 then
      table.insert(submitted, body:match('"id"%s*:%s*"([^"]+)"'))
   elseif status == 200 and body:find('"state"%s*:%s*"SUCCEEDED"') then
      succeeded = succeeded + 1
   elseif status == 200 then
      unfinished = unfinished + 1
   else
      failed = failed + 1
   end
end

function done(summary, latency, requests)
   local ok, open, bad = 0, 0, 0
   for _, thread in ipairs(threads) do
      ok = ok + thread:get("succeeded")
      open = open + thread:get("unfinished")
      bad = bad + thread:get("failed")
   end
   io.write(string.format("tasks: %d succeeded in %.2f s = %.1f tasks/s; %d polls saw no end; %d errors\n",
      ok, summary.duration / 1e6, ok / (summary.duration / 1e6), open, bad + summary.errors.status))
end
