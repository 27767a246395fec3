using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Gateway.Widget;

/// <summary>
/// The widget as retailers' pages load it: one script. Its source is kept in parts (Gateway/Widget/*.js, fragments of one
/// closure) so each can be read on its own; they are embedded in the assembly and joined here in name order, once, so
/// nobody needs a build step and a published gateway carries no loose files to lose.
/// </summary>
public sealed class WidgetScript
{
    /// <summary>The embedded parts' names start with this (see Gateway.csproj).</summary>
    public const string PartPrefix = "widget/";

    private WidgetScript(byte[] content)
    {
        Content = content;
        // The content's own hash: unchanged across restarts and identical on every gateway node, so caches revalidate cheaply.
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
    }

    public byte[] Content { get; }

    public EntityTagHeaderValue ETag { get; }

    public static WidgetScript Join(Assembly assembly)
    {
        var parts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(PartPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (parts.Count == 0)
        {
            throw new InvalidOperationException($"No widget parts ({PartPrefix}*) are embedded in {assembly.GetName().Name}.");
        }
        using var joined = new MemoryStream();
        foreach (var part in parts)
        {
            using var stream = assembly.GetManifestResourceStream(part)!;
            stream.CopyTo(joined);
        }
        return new WidgetScript(joined.ToArray());
    }
}
