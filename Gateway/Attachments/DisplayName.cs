namespace Switchboard.Gateway.Attachments;

/// <summary>
/// The name a file is shown and downloaded with: the sender's name without any path or control characters, ending
/// in the extension of what the file really is (a PDF named <c>invoice.html</c> is saved as <c>invoice.html.pdf</c>; a
/// GIF that became a PNG, <c>cat.gif</c>, as <c>cat.png</c>).
/// </summary>
public static class DisplayName
{
    public const int MaxLength = 120;

    public static string For(string? sent, FileType type, FileType? sentAs = null)
    {
        var name = Path.GetFileName((sent ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '<' or '>' or '|' or '*' or '?'))]).Trim().Trim('.');
        if (name.Length == 0)
        {
            name = type.IsImage ? "image" : "file";
        }
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var fits = Is(extension, type.Extension) || (type == FileTypes.Jpeg && Is(extension, ".jpeg"));
        var converted = sentAs is not null && sentAs != type && Is(extension, sentAs.Extension);
        if (converted)
        {
            extension = type.Extension;
        }
        else if (!fits)
        {
            stem = name;
            extension = type.Extension;
        }
        return (stem.Length > MaxLength ? stem[..MaxLength] : stem) + extension;
    }

    private static bool Is(string extension, string expected) => string.Equals(extension, expected, StringComparison.OrdinalIgnoreCase);
}
