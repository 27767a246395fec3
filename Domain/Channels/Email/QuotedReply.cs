namespace Switchboard.Domain.Channels.Email;

/// <summary>
/// The new part of a customer's reply: mail clients quote the whole thread under it, which the operator has already
/// read in the conversation. Cut at the usual markers; a mail that is nothing but a quote is kept whole.
/// </summary>
public static class QuotedReply
{
    public static string Strip(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var kept = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (IsQuoteHeader(trimmed) || line.TrimEnd('\r') == "-- ")
            {
                break;
            }
            if (!trimmed.StartsWith('>'))
            {
                kept.Add(line.TrimEnd());
            }
        }
        var result = string.Join('\n', kept).Trim();
        return result.Length > 0 ? result : text.Trim();
    }

    private static bool IsQuoteHeader(string line) =>
        (line.StartsWith("On ", StringComparison.Ordinal) && line.EndsWith("wrote:", StringComparison.Ordinal))
        || line.StartsWith("-----Original Message-----", StringComparison.OrdinalIgnoreCase)
        || line == "-- ";
}
