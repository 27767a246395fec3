namespace Switchboard.Wire;

/// <summary>What to tell a client whose frame has a field of the wrong kind, from where the reader stopped (<c>$.form.size</c>).</summary>
public static class FieldErrors
{
    public static string Describe(string? path)
    {
        var (field, inner) = Split(path);
        return field switch
        {
            null => "A frame is a JSON object with a string 'type'.",
            "score" => "'score' must be a whole number.",
            "form" when inner is not null => $"Form field '{inner}' must be a string.",
            "form" or "resume" or "identity" => $"'{field}' must be an object.",
            "tags" or "quickReplies" => $"'{field}' is a list of strings.",
            "items" => "'items' is a list of {sku, name, qty, price}.",
            _ => $"'{field}' must be a string.",
        };
    }

    /// <summary>The top-level field of a JSON path and the name of the member inside it, if any.</summary>
    private static (string? Field, string? Inner) Split(string? path)
    {
        if (path is null || !path.StartsWith('$'))
        {
            return (null, null);
        }
        var rest = path.AsSpan(1);
        var field = Segment(ref rest);
        var inner = Segment(ref rest);
        return (field, inner);
    }

    private static string? Segment(ref ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("['"))
        {
            // The name starts after the quote: a name that itself starts with ']' must not end before it begins.
            rest = rest[2..];
            var end = rest.IndexOf("']");
            var name = end < 0 ? rest.ToString() : rest[..end].ToString();
            rest = end < 0 ? [] : rest[(end + 2)..];
            return name;
        }
        if (rest.StartsWith("."))
        {
            rest = rest[1..];
            var end = rest.IndexOfAny('.', '[');
            var name = end < 0 ? rest.ToString() : rest[..end].ToString();
            rest = end < 0 ? [] : rest[end..];
            return name;
        }
        if (rest.StartsWith("["))
        {
            var end = rest.IndexOf(']');
            var name = end < 0 ? null : rest[1..end].ToString();
            rest = end < 0 ? [] : rest[(end + 1)..];
            return name;
        }
        return null;
    }
}
