using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Domain.Channels.Email;

/// <summary>
/// Which thread a mail belongs to, from its <c>Message-ID</c>, <c>In-Reply-To</c> and <c>References</c>. A thread's key
/// is derived from its root (the first of <c>References</c>, which RFC 5322 asks every reply to keep); our replies'
/// Message-IDs carry the key, so a reply whose client kept only <c>In-Reply-To</c> still finds its thread.
/// </summary>
public static class MailThreads
{
    private const string OursPrefix = "sb.";
    private const int KeyLength = 24;

    public static string KeyOf(string messageId, string? inReplyTo, IReadOnlyList<string> references)
    {
        var mentioned = references.Append(inReplyTo).OfType<string>().ToList();
        foreach (var id in mentioned)
        {
            if (ThreadOfOurs(id) is { } key)
            {
                return key;
            }
        }
        return Hash(mentioned.FirstOrDefault() ?? messageId, KeyLength);
    }

    /// <summary>
    /// The Message-ID of our reply for the outbox's message <paramref name="outboundId"/>: the same on every retry, so a
    /// receiving server that saw it once can tell a resend.
    /// </summary>
    public static string OurMessageId(string threadKey, string site, string outboundId, string domain) =>
        $"{OursPrefix}{threadKey}.{Hash($"{site}\n{threadKey}\n{outboundId}", 16)}@{domain}";

    /// <summary>The conversation's client id of a customer's mail: a redelivered or re-read mail is stored once.</summary>
    public static string ClientId(string messageId) => $"email:{Hash(messageId, 32)}";

    private static string? ThreadOfOurs(string messageId)
    {
        if (!messageId.StartsWith(OursPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var key = messageId.AsSpan(OursPrefix.Length);
        return key.Length > KeyLength && key[KeyLength] == '.' && !key[..KeyLength].ContainsAnyExcept("0123456789abcdef")
            ? key[..KeyLength].ToString()
            : null;
    }

    private static string Hash(string value, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value.Trim().Trim('<', '>'))))[..length];
}
