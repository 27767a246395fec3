using System.Security.Cryptography;
using System.Text;
using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;
using Switchboard.Domain.Channels.Email;
using Switchboard.Gateway.Channels;
using Switchboard.Gateway.Contacts;

namespace Switchboard.Gateway.Forms;

/// <summary>
/// A submission into the queues as waiting work with the form's fields. Answered by e-mail, it starts an e-mail thread
/// of its own (channel <c>email</c>: the operator's answer leaves over the site's SMTP like any mail reply, under the
/// form's name as subject). Answered by callback, it is a <c>form</c> conversation with the number's callback request.
/// </summary>
public sealed class FormDesk(ContactDesk desk, IGrainFactory grains)
{
    /// <summary>The conversation's id, or null when the site has no mailbox to answer by e-mail from.</summary>
    public async Task<string?> SubmitAsync(string site, string submissionId, FormSubmission form)
    {
        return form.AnswerBy == FormSubmission.ByEmail ? await ByEmailAsync(site, submissionId, form) : await ByCallbackAsync(site, submissionId, form);
    }

    private async Task<string?> ByEmailAsync(string site, string submissionId, FormSubmission form)
    {
        if (await ChannelLookup.FindEnabledAsync(grains, site, ChannelNames.Email) is null)
        {
            return null;
        }
        // The submission stands for the thread's first mail: our answer replies to it, the customer's reply continues it.
        var messageId = $"form.{submissionId}@{site}";
        var threadKey = MailThreads.KeyOf(messageId, null, []);
        await grains.Grain<IEmailThreadGrain>(GrainKeys.EmailThread(site, threadKey)).Received(form.Email!, form.Name, FormTitle(form), messageId);
        return await StartAsync(site, ContactIds.VisitorId(ChannelNames.Email, threadKey), ChannelNames.Email, threadKey, submissionId, form);
    }

    private async Task<string> ByCallbackAsync(string site, string submissionId, FormSubmission form)
    {
        var digits = new string(form.Phone!.Where(char.IsAsciiDigit).ToArray());
        var visitorId = ContactIds.VisitorId(ChannelNames.Form, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digits)))[..24]);
        var conversationId = await StartAsync(site, visitorId, ChannelNames.Form, digits, submissionId, form);
        await desk.RequestCallbackAsync(new Actor(ActorKind.Visitor, site, visitorId), GrainKeys.Conversation(site, conversationId), $"form-callback:{submissionId}", form.Phone!);
        return conversationId;
    }

    private async Task<string> StartAsync(string site, string visitorId, string channel, string contactId, string submissionId, FormSubmission form)
    {
        var contact = await desk.IdentifyAsync(new Actor(ActorKind.Visitor, site, visitorId), form.Name ?? form.Email ?? form.Phone);
        var joined = await desk.StartChatAsync(contact, new StartChatRequest($"form:{submissionId}", null, form.Text(), form.Fields)
        {
            Channel = channel,
            ContactId = contactId,
        });
        return joined.Result.ConversationId;
    }

    private static string FormTitle(FormSubmission form) => form.Fields.GetValueOrDefault("subject") ?? $"Your request ({form.Form})";
}
