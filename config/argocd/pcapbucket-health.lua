-- Argo CD health of a pcap-operator.io PcapBucket.
-- Healthy: Cloudflare validated the bucket's ownership.
-- Suspended: the operator waits for the user to put the challenge in spec.challenge.value.
-- Degraded: the validation failed, or the user must act (wrong challenge, credentials, refusal).
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
if phase == "Validated" then
  hs.status = "Healthy"
elseif phase == "Failed" or reason == "WrongChallenge" or reason == "CredentialsNotFound"
    or reason == "AuthenticationFailed" or reason == "RemoteRejected" then
  hs.status = "Degraded"
elseif reason == "AwaitingChallenge" then
  hs.status = "Suspended"
end
hs.message = message ~= "" and message or (phase or "")
return hs
