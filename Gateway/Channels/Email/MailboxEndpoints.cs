using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Sites;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>
/// <c>PUT /api/sites/{site}/channels/email</c> for supervisors of the site. Listing and switching off are the other
/// channels' (<see cref="ChannelEndpoints"/>); this literal route wins over their <c>{channel}</c> one.
/// </summary>
public static class MailboxEndpoints
{
    public static RouteGroupBuilder MapMailbox(this RouteGroupBuilder admin)
    {
        admin.MapPut("/channels/email", Set);
        return admin;
    }

    private static async Task<IResult> Set(string site, MailboxRequest body, IGrainFactory grains)
    {
        var (settings, problems) = body.ToSettings();
        if (settings is null)
        {
            return TypedResults.ValidationProblem(problems);
        }
        var grain = grains.Grain<ISiteGrain>(GrainKeys.Site(site));
        if (await grain.GetConfig() is null)
        {
            return TypedResults.NotFound();
        }
        await grain.SetChannel(settings);
        await grains.Grain<IMailboxReadersGrain>(IMailboxReadersGrain.Key).SetReading(site, settings.Mailbox!.ReadsImap);
        return TypedResults.NoContent();
    }
}
