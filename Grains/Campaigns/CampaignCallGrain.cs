using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Campaigns;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Sites;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Campaigns;

namespace Switchboard.Grains.Campaigns;

/// <summary>
/// One call a campaign started: once the customer picks up, the script asks its question (<c>say</c>, then
/// <c>gather</c> listening for a key or speech); a "yes" that asks for a person becomes a callback waiting in the site's
/// queue; an order confirmed is followed by the accessory's offer. Each answer goes back to the gateway for the CRM,
/// and the call's end to the campaign, which books it and moves the contact on.
/// </summary>
public sealed class CampaignCallGrain(
    [PersistentState(StorageNames.CampaignCallState, StorageNames.Provider)] IPersistentState<CampaignCallState> state,
    ICampaignStore store,
    ICampaignLinkSender links,
    TimeProvider clock,
    ILogger<CampaignCallGrain> logger)
    : Grain, ICampaignCallGrain
{
    public const int RememberedAnswers = 32;
    public const int GatherSeconds = 6;
    /// <summary>No choice heard this many times in a row: the call ends politely.</summary>
    public const int MaxMisses = 2;

    private string _site = "";
    private string _callId = "";
    private string _campaignId = "";
    private long _contactId;

    private CampaignCallState Call => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_site, _callId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        (_campaignId, _contactId) = CampaignCallIds.Parse(_callId) ?? ("", 0);
        return Task.CompletedTask;
    }

    public async Task<CampaignCallAnswer> Handle(PhoneEvent evt)
    {
        if (Call.Answered.FirstOrDefault(a => a.Key == evt.EventId) is { Value: { } earlier })
        {
            return earlier;
        }
        var campaign = _campaignId.Length == 0 ? null : await Campaign().GetDefinition();
        var contact = campaign is null ? null : await store.ContactAsync(_site, _campaignId, _contactId);
        if (campaign is null || contact is null || (contact.CallId != _callId && Call.Stage == CampaignCallStage.Dialled))
        {
            return new CampaignCallAnswer([], PhoneTexts.DefaultLanguage) { Ignored = $"no campaign call '{_callId}'" };
        }
        var language = campaign.Language ?? PhoneTexts.LanguageOf((await GrainFactory.Grain<ISiteGrain>(GrainKeys.Site(_site)).GetConfig())?.Language ?? "");
        var script = new Script(_campaignId, campaign, contact, language);
        var answer = await Answer(evt, script);
        Call.Answered.Add(new(evt.EventId, answer));
        if (Call.Answered.Count > RememberedAnswers)
        {
            Call.Answered.RemoveAt(0);
        }
        await state.WriteStateAsync();
        if (Call.Stage == CampaignCallStage.Ended && evt.Type == PhoneEventTypes.Ended)
        {
            // After the state is written: a campaign that books the end and a redelivered end both see it once.
            await Campaign().CallEnded(_callId, EndResult(evt.Reason));
        }
        return answer;
    }

    private Task<CampaignCallAnswer> Answer(PhoneEvent evt, Script script) => (Call.Stage, evt.Type) switch
    {
        (CampaignCallStage.Ended, _) => Task.FromResult(script.Nothing($"'{evt.Type}' after the call ended")),
        (_, PhoneEventTypes.Ended) => End(script),
        (CampaignCallStage.Dialled, PhoneEventTypes.Answered) => Task.FromResult(Ask(script, CampaignCallStage.Asking, CampaignPrompts.Offer)),
        (CampaignCallStage.Asking or CampaignCallStage.CrossSell, PhoneEventTypes.Dtmf or PhoneEventTypes.Speech or PhoneEventTypes.Timeout) =>
            Choose(script, SpokenAnswer.Read(evt.Digits, evt.SpeechText)),
        (_, PhoneEventTypes.PromptFinished or PhoneEventTypes.Answered) => Task.FromResult(script.Commands([])),
        _ => Task.FromResult(script.Nothing($"'{evt.Type}' while the campaign call is {Call.Stage}")),
    };

    private CampaignCallAnswer Ask(Script script, CampaignCallStage stage, string prompt)
    {
        Call.Stage = stage;
        Call.Misses = 0;
        return script.Commands([PhoneCommand.Answer, script.Say(prompt), PhoneCommand.Gather(1, GatherSeconds) with { Speech = true }]);
    }

    private async Task<CampaignCallAnswer> Choose(Script script, bool? choice)
    {
        if (choice is not { } yes)
        {
            if (++Call.Misses <= MaxMisses)
            {
                return script.Commands([script.Say(CampaignPrompts.NotUnderstood), PhoneCommand.Gather(1, GatherSeconds) with { Speech = true }]);
            }
            Call.Stage = CampaignCallStage.Finished;
            Call.Result ??= CallResults.NoChoice;
            return script.Commands([PhoneCommand.Say(PhoneTexts.Goodbye(script.Language), script.Language), PhoneCommand.Hangup])
                with { Recorded = script.Answer(Call.Stage == CampaignCallStage.CrossSell ? CampaignPrompts.CrossSell : CampaignPrompts.Offer, CallResults.NoChoice, clock.GetUtcNow()) };
        }
        var answer = yes ? CallResults.Yes : CallResults.No;
        if (Call.Stage == CampaignCallStage.CrossSell)
        {
            Call.Stage = CampaignCallStage.Finished;
            return script.Commands([script.Say(yes ? CampaignPrompts.CrossSellYes : CampaignPrompts.CrossSellNo), PhoneCommand.Hangup])
                with { Recorded = script.Answer(CampaignPrompts.CrossSell, answer, clock.GetUtcNow()) };
        }
        Call.Result = answer;
        var recorded = script.Answer(CampaignPrompts.Offer, answer, clock.GetUtcNow());
        if (script.WantsPerson(yes))
        {
            await RequestCallback(script);
        }
        if (yes && script.Campaign.Kind == CampaignKinds.OrderConfirmation && ContactData.Read(script.Data, "accessory") is not null)
        {
            var crossSell = Ask(script, CampaignCallStage.CrossSell, CampaignPrompts.CrossSell);
            return crossSell with { Commands = [script.Say(CampaignPrompts.Yes), .. crossSell.Commands.Skip(1)], Recorded = recorded };
        }
        Call.Stage = CampaignCallStage.Finished;
        return script.Commands([script.Say(yes ? CampaignPrompts.Yes : CampaignPrompts.No), PhoneCommand.Hangup]) with { Recorded = recorded };
    }

    private async Task<CampaignCallAnswer> End(Script script)
    {
        var answered = Call.Stage != CampaignCallStage.Dialled;
        Call.Stage = CampaignCallStage.Ended;
        if (answered && script.Campaign.Kind == CampaignKinds.BackInStock && !Call.LinkSent)
        {
            Call.LinkSent = true;
            var (item, link) = (ContactData.Read(script.Data, "item") ?? "", ContactData.Read(script.Data, "link") ?? "");
            if (await links.SendAsync(_site, script.Contact.Phone, item, link, script.Campaign.WhatsAppTemplate, script.Language, CancellationToken.None) is { } problem)
            {
                logger.LogWarning("Campaign call {Call} on site {Site}: the product link was not sent: {Problem}", _callId, _site, problem);
            }
        }
        return script.Commands([]);
    }

    /// <summary>The customer asked for a person: a callback with their number waits in the site's queue, like any callback.</summary>
    private async Task RequestCallback(Script script)
    {
        var phone = script.Contact.Phone;
        var visitorId = ContactIds.VisitorId(ChannelNames.Phone, phone);
        var visitor = GrainFactory.Grain<IVisitorGrain>(GrainKeys.Visitor(_site, visitorId));
        var started = await visitor.StartChat(
            new StartChatRequest($"campaign:{_callId}", null, script.CallbackNote(), null) { Channel = ChannelNames.Phone, ContactId = phone }, null);
        await GrainFactory.Grain<IConversationGrain>(GrainKeys.Conversation(_site, started.ConversationId))
            .RequestCallback(new Actor(ActorKind.Visitor, _site, visitorId), $"campaign-callback:{_callId}", phone);
    }

    /// <summary>How the call ended, for the campaign: the customer's answer when they gave one, else why nobody answered.</summary>
    private string EndResult(string? reason) => Call.Result ?? (Call.Answered.Count > 0 && WasAnswered() ? CallResults.NoChoice : reason switch
    {
        "busy" => CallResults.Busy,
        "no_answer" or "canceled" => CallResults.NoAnswer,
        _ => CallResults.Failed,
    });

    private bool WasAnswered() => Call.Answered.Any(a => a.Value.Commands.Count > 0);

    private ICampaignGrain Campaign() => GrainFactory.Grain<ICampaignGrain>(GrainKeys.Campaign(_site, _campaignId));

    /// <summary>The campaign's texts for this contact, in the call's language.</summary>
    private sealed record Script(string CampaignId, CampaignDefinition Campaign, StoredContact Contact, string Language)
    {
        public System.Text.Json.JsonElement? Data { get; } = ContactData.Parse(Contact.Data);

        public PhoneCommand Say(string prompt) =>
            PhoneCommand.Say(ContactData.Fill(CampaignPrompts.Text(Campaign, prompt, Language), Contact.Data, Contact.Name), Language);

        public CampaignCallAnswer Commands(IReadOnlyList<PhoneCommand> commands) => new(commands, Language);

        public CampaignCallAnswer Nothing(string why) => new([], Language) { Ignored = why };

        public CampaignAnswer Answer(string question, string answer, DateTimeOffset at) =>
            new(CampaignId, Campaign.Kind, question, answer, Contact.Phone, Contact.CustomerId, at);

        /// <summary>A quote's "yes", back in stock's "connect me", an order's "no" (changes): each wants an operator.</summary>
        public bool WantsPerson(bool yes) => Campaign.Kind == CampaignKinds.OrderConfirmation ? !yes : yes;

        public string CallbackNote() => Campaign.Kind switch
        {
            CampaignKinds.QuoteReminder => $"Campaign \"{Campaign.Name}\": call me back about the quote {ContactData.Read(Data, "quote")}",
            CampaignKinds.BackInStock => $"Campaign \"{Campaign.Name}\": call me back about {ContactData.Read(Data, "item")}",
            _ => $"Campaign \"{Campaign.Name}\": call me back to change order {ContactData.Read(Data, "order")}",
        };
    }
}
