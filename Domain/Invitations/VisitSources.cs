using System.Web;
using Switchboard.Contracts.Invitations;

namespace Switchboard.Domain.Invitations;

/// <summary>Reads a visit's source from its landing page: the referrer and the <c>utm_*</c> parameters.</summary>
public static class VisitSources
{
    public static VisitSource Parse(string url, string? referrer)
    {
        var query = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? HttpUtility.ParseQueryString(uri.Query) : [];
        return new VisitSource(
            string.IsNullOrEmpty(referrer) ? null : referrer,
            query["utm_source"], query["utm_medium"], query["utm_campaign"]);
    }
}
