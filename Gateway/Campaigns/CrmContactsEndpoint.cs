using Switchboard.Contracts;
using Switchboard.Contracts.Campaigns;
using Switchboard.Gateway.Crm;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// A campaign fed from the CRM connector (docs/campaigns.md, "Contacts from the CRM"): the CRM's contact list for the
/// campaign's kind is read as it streams in and checked row by row like a list sent over REST, in the same batches.
/// </summary>
public static class CrmContactsEndpoint
{
    public static RouteGroupBuilder MapCrmContacts(this RouteGroupBuilder admin)
    {
        admin.MapPost("/campaigns/{id}/contacts/from-crm", AddFromCrm)
            .WithSummary("Adds the contacts the CRM lists for a query: {query?, limit?}; streamed and checked like a list sent here");
        return admin;
    }

    private static async Task<IResult> AddFromCrm(
        string site, string id, CrmContactsRequest body, CrmScope scope, CrmClient crm, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (body.Limit is < 1 or > CrmContactsRequest.MaxLimit || body.Query?.Length > CrmContactsRequest.MaxQueryLength)
        {
            return TypedResults.Problem(statusCode: 400,
                title: $"limit: 1 to {CrmContactsRequest.MaxLimit}; query: up to {CrmContactsRequest.MaxQueryLength} characters");
        }
        var campaign = grains.Grain<ICampaignGrain>(GrainKeys.Campaign(site, id));
        if (!id.All(char.IsAsciiLetterOrDigit) || await campaign.GetDefinition() is not { } definition)
        {
            return TypedResults.Problem(statusCode: 404, title: $"No campaign '{id}'.");
        }
        if (!scope.HasCrm(site))
        {
            return TypedResults.Problem(statusCode: 409, title: CrmScope.NotConfiguredTitle);
        }
        try
        {
            using var answer = await crm.OpenCampaignContactsAsync(site, definition.Kind, body.Query, body.Limit ?? CrmContactsRequest.DefaultLimit, cancellationToken);
            await using var list = await answer.Content.ReadAsStreamAsync(cancellationToken);
            var format = ContactListReader.FormatOf(answer.Content.Headers.ContentType?.MediaType);
            var (result, broken) = await ContactListReader.ReadAsync(list, format, definition.Kind, campaign.AddContacts, cancellationToken);
            return broken is null
                ? TypedResults.Ok(result)
                : TypedResults.Problem(statusCode: 502, title: $"The CRM's contact list broke off: {broken}", extensions: new Dictionary<string, object?>
                {
                    ["added"] = result.Added, ["refused"] = result.Refused, ["duplicates"] = result.Duplicates, ["problems"] = result.Problems,
                });
        }
        catch (CrmException failure)
        {
            return TypedResults.Problem(statusCode: failure.TimedOut ? 504 : 502, title: failure.Message);
        }
        catch (SwitchboardException refusal) when (refusal.Code == CampaignErrors.Conflict)
        {
            return TypedResults.Problem(statusCode: 409, title: refusal.Message);
        }
    }
}
