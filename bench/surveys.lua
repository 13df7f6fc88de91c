-- wrk script of bench/surveys.sh: every request saves page 1 of the
-- collaboration scan (the five ambition statements) through the next
-- respondent's personal link, and moves that respondent on to page 2.
--
--   wrk -s bench/surveys.lua URL -- LINKS_FILE THREADS
--
-- LINKS_FILE holds one link per line (`verband demo --survey-links`). A
-- response counts as an error unless it is 200 and draws page 2, which is
-- what the server answers after a real save.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  links = {}
  for line in io.lines(args[1]) do
    links[#links + 1] = line:match("^https?://[^/]+(/.*)$") or line
  end
  step = tonumber(args[2]) or 1
  -- Threads take turns through the links, so no two requests in a row share one.
  next_link = id
  sent = 0
  errors = 0
end

local keys = { "ambition_shared_goal", "ambition_clear", "ambition_residents", "ambition_feasible", "ambition_energy" }

function request()
  local path = links[(next_link % #links) + 1]
  next_link = next_link + step
  sent = sent + 1
  local fields = { "page=0", "action=next" }
  for i, key in ipairs(keys) do
    fields[#fields + 1] = "q." .. key .. "=" .. tostring((sent + i) % 5 + 1)
  end
  return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded" }, table.concat(fields, "&"))
end

function response(status, headers, body)
  if status ~= 200 or not body:find('name="page" value="1"', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("errors")
  end
  io.write(string.format("responses that were not a saved page: %d\n", bad))
end
