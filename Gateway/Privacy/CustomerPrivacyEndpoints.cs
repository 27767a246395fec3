using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Customers;
using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Gateway.Privacy;

/// <summary>A site's supervisor answers customers' data requests: erase (<c>DELETE</c>), export, and the audit of erasures.</summary>
public static class CustomerPrivacyEndpoints
{
    public const int MaxErasuresListed = 1_000;

    public static RouteGroupBuilder MapCustomerPrivacy(this RouteGroupBuilder admin)
    {
        admin.MapDelete("/customers/{customerId}", async (string site, string customerId, HttpContext http, CustomerErasure erasure) =>
            CustomerEndpoints.IsCustomerId(customerId)
                ? Results.Ok(await erasure.EraseAsync(site, customerId, http.User.Identity().ToActor(), http.RequestAborted))
                : CustomerEndpoints.BadCustomerId());
        admin.MapGet("/customers/{customerId}/export", async (string site, string customerId, HttpContext http, CustomerErasure erasure) =>
            CustomerEndpoints.IsCustomerId(customerId)
                ? Results.Ok(await erasure.ExportAsync(site, customerId, http.User.Identity().ToActor()))
                : CustomerEndpoints.BadCustomerId());
        admin.MapGet("/erasures", async (string site, IPrivacyStore privacy, CancellationToken cancellationToken) =>
            Results.Ok(await privacy.ErasuresAsync(site, MaxErasuresListed, cancellationToken)));
        return admin;
    }
}
