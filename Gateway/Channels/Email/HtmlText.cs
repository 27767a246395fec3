using System.Net;
using System.Text.RegularExpressions;

namespace Switchboard.Gateway.Channels.Email;

/// <summary>The text of an HTML-only mail, well enough for an operator to read: tags dropped, breaks kept, entities decoded.</summary>
public static partial class HtmlText
{
    public static string? Plain(string? html)
    {
        if (html is null)
        {
            return null;
        }
        var withoutHidden = Hidden().Replace(html, "");
        var withBreaks = Breaks().Replace(withoutHidden, "\n");
        return WebUtility.HtmlDecode(Tags().Replace(withBreaks, "")).Trim();
    }

    [GeneratedRegex(@"<(style|script|head)[\s\S]*?</\1>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<(br|/p|/div|/li|/tr|/h\d)\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();
}
