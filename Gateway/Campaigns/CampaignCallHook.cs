using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Campaigns;
using Switchboard.Gateway.Channels.Phone.Speech;
using Switchboard.Gateway.Crm;
using Switchboard.Silo.Channels.Phone;

namespace Switchboard.Gateway.Campaigns;

/// <summary>
/// The events of calls a campaign started (call ids <c>cm-…</c>), as they reach <c>/hooks/phone/{site}</c> already
/// authenticated: answered by the campaign call's script, and each answer the customer gives written to their card in
/// the CRM (a CRM that fails is logged; the call goes on).
/// </summary>
public sealed class CampaignCallHook(IGrainFactory grains, CrmClient crm, CrmScope scope, PromptSpeech speech, ILogger<CampaignCallHook> logger)
{
    public async Task<IResult> AnswerAsync(string site, PhoneEvent evt, PhoneChannel channel, HttpRequest request, CancellationToken cancellationToken)
    {
        var commands = await speech.WithAudio(await CommandsAsync(site, evt, cancellationToken), $"{request.Scheme}://{request.Host}", channel.RenderSpeech, cancellationToken);
        return TypedResults.Json(new PhoneCommandsJson(commands), PhoneCommandsJson.Options);
    }

    /// <summary>What the PBX should do after <paramref name="evt"/>, the answer given written to the CRM: for the generic hook and the ARI adapter alike.</summary>
    public async Task<IReadOnlyList<PhoneCommand>> CommandsAsync(string site, PhoneEvent evt, CancellationToken cancellationToken)
    {
        var answer = await grains.Grain<ICampaignCallGrain>(GrainKeys.CampaignCall(site, evt.CallId)).Handle(evt);
        if (answer.Ignored is { } why)
        {
            logger.LogWarning("Campaign call event {Event} ({Type}) of call {Call} on site {Site} changed nothing: {Why}", evt.EventId, evt.Type, evt.CallId, site, why);
        }
        if (answer.Recorded is { } recorded)
        {
            await RecordAsync(site, recorded, cancellationToken);
        }
        return answer.Commands;
    }

    private async Task RecordAsync(string site, CampaignAnswer answer, CancellationToken cancellationToken)
    {
        if (!scope.HasCrm(site))
        {
            return;
        }
        try
        {
            await crm.RecordAnswerAsync(site, answer, cancellationToken);
        }
        catch (CrmException failure)
        {
            logger.LogWarning("Campaign {Campaign} answer of {Phone} on site {Site} not written to the CRM: {Problem}", answer.CampaignId, answer.Phone, site, failure.Message);
        }
    }
}
