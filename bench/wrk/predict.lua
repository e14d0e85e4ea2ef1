-- wrk script: POST /api/models/iris_model/predict with one Iris record, on every connection.
-- Used by bench/run-task-benchmark.sh; wrk's own loop costs the machine a few microseconds a
-- request, so the server's figures are not capped by the load generator.
wrk.method = "POST"
wrk.path = "/api/models/iris_model/predict"
wrk.body = '{"sepal_length":6.3,"sepal_width":2.8,"petal_length":5.1,"petal_width":1.5}'
wrk.headers["Content-Type"] = "application/json"
