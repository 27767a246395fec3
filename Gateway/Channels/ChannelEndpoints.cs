using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Gateway.Channels.Email;

namespace Switchboard.Gateway.Channels;

/// <summary>Messenger and phone credentials for supervisors of the site: set, list (secrets masked), switch off.</summary>
public static class ChannelEndpoints
{
    public static RouteGroupBuilder MapChannels(this RouteGroupBuilder admin)
    {
        admin.MapGet("/channels", List);
        admin.MapMailbox();
        admin.MapPut("/channels/{channel}", Set);
        admin.MapDelete("/channels/{channel}", SwitchOff);
        return admin;
    }

    /// <summary>The site's approved WhatsApp templates for any operator of the site: what the console offers once a window is closed.</summary>
    public static RouteGroupBuilder MapWhatsAppTemplates(this RouteGroupBuilder site)
    {
        site.MapGet("/channels/whatsapp/templates", async (string site, IGrainFactory grains) =>
            TypedResults.Ok((await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetChannels())
                .FirstOrDefault(c => c.Channel == ChannelNames.WhatsApp && c.Enabled)?.Templates ?? []));
        return site;
    }

    private static async Task<IResult> List(string site, IGrainFactory grains)
    {
        var grain = grains.Grain<ISiteGrain>(GrainKeys.Site(site));
        if (await grain.GetConfig() is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await grain.GetChannels()).Select(MaskedChannel.From));
    }

    private static async Task<IResult> Set(string site, string channel, ChannelRequest body, IGrainFactory grains)
    {
        var (settings, problems) = body.ToSettings(channel);
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
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SwitchOff(string site, string channel, IGrainFactory grains) =>
        await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).SwitchOffChannel(channel)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
