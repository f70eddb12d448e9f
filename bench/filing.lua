-- wrk script: POST the public filing form (urlencoded, no attachments) with a fixed antiforgery
-- cookie + token obtained once by filing.sh. Arguments: token cookie categoryId areaId.
local token, cookie, category, area
local counter = 0

-- Each POST carries its own submission key, as every real form does (a repeated key would be a replay, not a
-- filing): the run's start time and the thread number keep keys apart across threads and across runs.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
  thread:set("run_started", os.time())
end

function init(args)
  token, cookie, category, area = args[1], args[2], args[3], args[4]
end

function request()
  counter = counter + 1
  local body = "Input.Kind=Complaint"
    .. "&Input.CategoryId=" .. category
    .. "&Input.ServiceAreaId=" .. area
    .. "&Input.Subject=" .. "Bench+filing+" .. counter
    .. "&Input.Description=" .. "The+meter+reading+on+my+bill+is+wrong+%E7%94%B5%E8%B4%B9%E5%BC%82%E5%B8%B8"
    .. "&Input.ContactName=Bench&Input.ContactPhone=13800138000"
    .. "&Input.SubmissionKey=" .. string.format("b%010d%02d%020d", run_started, thread_id, counter)
    .. "&__RequestVerificationToken=" .. token
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
  }, body)
end
