-- Argo CD health of a pcap-operator.io PacketCapture.
-- Healthy: the capture succeeded (or was stopped with its files written).
-- Degraded: it failed, or the user must act (credentials, ambiguous submission).
-- Progressing: everything else, including a status that predates the latest spec.
local hs = {status = "Progressing", message = "Waiting for the operator"}
if obj.status == nil then
  return hs
end
local generation = obj.metadata.generation
local observed = obj.status.observedGeneration
if generation ~= nil and (observed == nil or observed < generation) then
  hs.message = "Waiting for the operator to observe the latest spec"
  return hs
end
local ready = nil
for _, condition in ipairs(obj.status.conditions or {}) do
  if condition.type == "Ready" then
    ready = condition
  end
end
local phase = obj.status.phase
local reason = ready and ready.reason or ""
local message = ready and ready.message or ""
if phase == "Succeeded" or phase == "Stopped" then
  hs.status = "Healthy"
elseif phase == "Failed" then
  hs.status = "Degraded"
  if obj.status.errorMessage ~= nil and obj.status.errorMessage ~= "" then
    message = obj.status.errorMessage
  end
elseif reason == "CredentialsNotFound" or reason == "AuthenticationFailed"
    or reason == "AmbiguousSubmission" then
  hs.status = "Degraded"
end
hs.message = message ~= "" and message or (phase or "")
return hs
