"""The whole Auth0 -> Event Grid procedure against the sandbox with the Azure SDK for Python.

Run by test/clients/clients.test.ts (npm run test:clients) as:

    python3 test/clients/python_sdk_flow.py SANDBOX_INFO_JSON RESOURCE_GROUP

with REQUESTS_CA_BUNDLE naming the sandbox CA (requests, and so azure-core and MSAL, trust it through it)
and MSI_ENDPOINT naming the sandbox's managed-identity endpoint. SANDBOX_INFO_JSON is what
`npm run sandbox -- --json` prints. Every step prints one JSON line {"step", "ok", ...}; the first failure
raises, so the exit code is non-zero.

The Azure side goes through the SDK only (azure-identity, azure-mgmt-resource, azure-mgmt-eventgrid); the
Auth0 side goes over plain HTTPS (urllib), as the Auth0 Management API has no Python package here. The
sign-in endpoint and the token audience come from the sandbox's cloud metadata endpoint, read with
msrestazure's get_cloud_from_metadata_endpoint, as for any custom cloud.
"""
import datetime
import json
import os
import ssl
import sys
import time
import urllib.request

from azure.core.exceptions import HttpResponseError, ResourceNotFoundError
from azure.identity import ClientSecretCredential, ManagedIdentityCredential
from azure.mgmt.eventgrid import EventGridManagementClient
from azure.mgmt.eventgrid.models import (
    EventSubscription,
    EventSubscriptionFilter,
    Partner,
    WebHookEventSubscriptionDestination,
)
from azure.mgmt.resource import ResourceManagementClient, SubscriptionClient
from msrestazure.azure_cloud import get_cloud_from_metadata_endpoint

AUTH0_PARTNER_ID = "804a11ca-ce9b-4158-8e94-3c8dc7a072ec"
HOOK = "https://hooks.example.com/auth0/events?code=python-sdk-flow"


def step(what, **facts):
    print(json.dumps({"step": what, "ok": True, **facts}), flush=True)


def wait_for(what, probe, timeout=30.0, every=0.1):
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(every)


def main():
    info = json.load(open(sys.argv[1]))
    group = sys.argv[2]
    arm = info["endpoints"]["arm"]
    azure = info["azure"]
    auth0 = info["auth0"][0]
    sub_id = azure["subscriptionId"]

    # The cloud: sign-in endpoint and audience from the metadata endpoint.
    cloud = get_cloud_from_metadata_endpoint(arm + "/", "AuthZeroSandbox")
    authority = cloud.endpoints.active_directory.rstrip("/")
    audience = cloud.endpoints.active_directory_resource_id
    assert authority == info["endpoints"]["entra"], (authority, info["endpoints"]["entra"])
    step("cloud metadata", authority=authority, audience=audience)
    scopes = [audience.rstrip("/") + "//.default"]

    # A service principal through MSAL (instance discovery off: the authority is not a Microsoft host).
    cred = ClientSecretCredential(
        azure["tenantId"], azure["clientId"], azure["clientSecret"], authority=authority, instance_discovery=False
    )
    subs_client = SubscriptionClient(cred, base_url=arm, credential_scopes=scopes)
    subs = [s.subscription_id for s in subs_client.subscriptions.list()]
    assert sub_id in subs, subs
    tenants = [t.tenant_id for t in subs_client.tenants.list()]
    assert tenants == [azure["tenantId"]], tenants
    locations = [l.name for l in subs_client.subscriptions.list_locations(sub_id)]
    assert azure["region"] in locations, locations
    step("subscriptions, tenants, locations", subscriptions=subs, tenants=tenants, locations=len(locations))

    # The same through a managed identity (MSI_ENDPOINT), without MSAL.
    mi = ManagedIdentityCredential(client_id=azure["clientId"])
    mi_subs = [s.subscription_id for s in SubscriptionClient(mi, base_url=arm, credential_scopes=scopes).subscriptions.list()]
    assert sub_id in mi_subs, mi_subs
    step("managed identity", subscriptions=mi_subs)

    rm = ResourceManagementClient(cred, sub_id, base_url=arm, credential_scopes=scopes)
    eg = EventGridManagementClient(cred, sub_id, base_url=arm, credential_scopes=scopes)

    # Provider registration.
    state = rm.providers.get("Microsoft.EventGrid").registration_state
    if state != "Registered":
        rm.providers.register("Microsoft.EventGrid")
        wait_for("Microsoft.EventGrid to be Registered", lambda: rm.providers.get("Microsoft.EventGrid").registration_state == "Registered")
    step("provider registered", before=state)

    # The group.
    assert rm.resource_groups.check_existence(group)
    assert not rm.resource_groups.check_existence("no-such-group-python")
    g = rm.resource_groups.get(group)
    step("group", group=g.name, location=g.location)

    # Partner configuration + authorizePartner (Auth0, three days).
    expiry = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)
    cfg = eg.partner_configurations.authorize_partner(
        group,
        Partner(partner_registration_immutable_id=AUTH0_PARTNER_ID, partner_name="Auth0", authorization_expiration_time_in_utc=expiry),
    )
    names = [p.partner_name for p in cfg.partner_authorization.authorized_partners_list]
    assert "Auth0" in names, names
    step("partner authorized", partners=names)

    # The Auth0 log stream over plain HTTPS.
    ca = ssl.create_default_context(cafile=os.environ["REQUESTS_CA_BUNDLE"])

    def auth0_call(method, path, body=None, token=None):
        req = urllib.request.Request(
            auth0["domain"].join(["https://", path]),
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})},
        )
        with urllib.request.urlopen(req, context=ca) as res:
            text = res.read().decode()
            return res.status, (json.loads(text) if text else None)

    _, grant = auth0_call(
        "POST",
        "/oauth/token",
        {
            "grant_type": "client_credentials",
            "client_id": auth0["clientId"],
            "client_secret": auth0["clientSecret"],
            "audience": f"https://{auth0['domain']}/api/v2/",
        },
    )
    token = grant["access_token"]
    sink = {"azureSubscriptionId": sub_id, "azureRegion": azure["region"], "azureResourceGroup": group}
    status, stream = auth0_call("POST", "/api/v2/log-streams", {"type": "eventgrid", "name": "python-sdk-flow", "sink": sink}, token)
    assert status in (200, 201) and stream["type"] == "eventgrid", (status, stream)
    step("auth0 stream created", id=stream["id"])

    # The partner topic Auth0 created, found through the SDK.
    def find_topic():
        for t in eg.partner_topics.list_by_resource_group(group):
            if t.partner_registration_immutable_id == AUTH0_PARTNER_ID and auth0["tenant"] in (t.source or ""):
                return t
        return None

    topic = wait_for("the partner topic", find_topic)
    assert topic.activation_state == "NeverActivated", topic.activation_state
    step("topic found", topic=topic.name, source=topic.source)

    listed = [r.type.lower() for r in rm.resources.list_by_resource_group(group)]
    assert "microsoft.eventgrid/partnertopics" in listed and "microsoft.eventgrid/partnerconfigurations" in listed, listed
    in_sub = [r.name for r in rm.resources.list(filter=f"resourceGroup eq '{group}' and resourceType eq 'Microsoft.EventGrid/partnerTopics'")]
    assert in_sub == [topic.name], in_sub
    step("resources listed", types=sorted(set(listed)))

    activated = eg.partner_topics.activate(group, topic.name)
    assert activated.activation_state == "Activated", activated.activation_state
    step("topic activated")

    # An event subscription through its long-running operation.
    poller = eg.partner_topic_event_subscriptions.begin_create_or_update(
        group,
        topic.name,
        "python-hook",
        EventSubscription(
            destination=WebHookEventSubscriptionDestination(endpoint_url=HOOK, max_events_per_batch=10),
            filter=EventSubscriptionFilter(included_event_types=["f", "s"]),
            event_delivery_schema="CloudEventSchemaV1_0",
        ),
    )
    es = poller.result(timeout=60)
    assert es.provisioning_state == "Succeeded", es.provisioning_state
    assert eg.partner_topic_event_subscriptions.get_full_url(group, topic.name, "python-hook").endpoint_url == HOOK
    step("event subscription created", provisioning_state=es.provisioning_state)

    # Delete: event subscription (LRO), topic (LRO), stream, partner configuration (LRO).
    eg.partner_topic_event_subscriptions.begin_delete(group, topic.name, "python-hook").result(timeout=60)
    try:
        eg.partner_topic_event_subscriptions.get(group, topic.name, "python-hook")
        raise AssertionError("the event subscription is still there")
    except ResourceNotFoundError:
        pass
    eg.partner_topics.begin_delete(group, topic.name).result(timeout=60)
    status, _ = auth0_call("DELETE", f"/api/v2/log-streams/{stream['id']}", None, token)
    assert status == 204, status
    eg.partner_configurations.begin_delete(group).result(timeout=60)
    try:
        eg.partner_configurations.get(group)
        raise AssertionError("the partner configuration is still there")
    except ResourceNotFoundError:
        pass
    step("deleted")

    # An error as the SDK surfaces it.
    try:
        rm.resource_groups.get("no-such-group-python")
        raise AssertionError("a missing group was found")
    except HttpResponseError as e:
        assert e.status_code == 404 and e.error.code == "ResourceGroupNotFound", (e.status_code, e.error.code)
    step("errors", code="ResourceGroupNotFound")


if __name__ == "__main__":
    main()
