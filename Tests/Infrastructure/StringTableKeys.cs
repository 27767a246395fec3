using System.Text;

namespace Switchboard.Tests.Infrastructure;

/// <summary>
/// Reads the keys of the front-end's string tables from their JavaScript source: every object literal written
/// <c>en: { … }</c> or <c>ru: { … }</c>, keys at its top level. A small tokenizer (strings, comments, identifiers,
/// punctuation) is enough for the plain literals the widget and console use; no JavaScript engine needed.
/// </summary>
public static class StringTableKeys
{
    public static IReadOnlySet<string> Of(string source, string language)
    {
        var tokens = Tokenize(source).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i] == (language, false) && tokens[i + 1] == (":", true) && tokens[i + 2] == ("{", true))
            {
                CollectTopLevel(tokens, i + 2, keys);
            }
        }
        return keys;
    }

    /// <summary>Keys of the object opening at <paramref name="open"/>: a name or string after '{' or ',' and before ':'.</summary>
    private static void CollectTopLevel(List<(string Text, bool Punctuation)> tokens, int open, HashSet<string> keys)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            var (text, punctuation) = tokens[i];
            if (punctuation && text is "{" or "[" or "(")
            {
                depth++;
            }
            else if (punctuation && text is "}" or "]" or ")" && --depth == 0)
            {
                return;
            }
            else if (depth == 1 && !punctuation && i + 1 < tokens.Count && tokens[i + 1] == (":", true)
                && tokens[i - 1] is ("{", true) or (",", true))
            {
                keys.Add(text);
            }
        }
    }

    /// <summary>Strings (their content), names and single punctuation characters; comments and whitespace dropped.</summary>
    private static IEnumerable<(string Text, bool Punctuation)> Tokenize(string source)
    {
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 2 : source.Length;
            }
            else if (c is '\'' or '"' or '`')
            {
                var text = new StringBuilder();
                for (i++; i < source.Length && source[i] != c; i++)
                {
                    if (source[i] == '\\' && i + 1 < source.Length)
                    {
                        i++;
                    }
                    text.Append(source[i]);
                }
                i++;
                yield return (text.ToString(), false);
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$'))
                {
                    i++;
                }
                yield return (source[start..i], false);
            }
            else
            {
                i++;
                yield return (c.ToString(), true);
            }
        }
    }
}
