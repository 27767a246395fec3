using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// One file served whole but kept in the source as parts a person can read on their own (the widget, the console's
/// page). The parts are embedded in the assembly under a common prefix and joined here in name order, once, so nobody
/// needs a build step and a published gateway carries no loose files to lose.
/// </summary>
public sealed class JoinedFile
{
    private JoinedFile(byte[] content, string contentType)
    {
        Content = content;
        ContentType = contentType;
        // The content's own hash: unchanged across restarts and identical on every gateway node, so caches revalidate cheaply.
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
    }

    public byte[] Content { get; }

    public string ContentType { get; }

    public EntityTagHeaderValue ETag { get; }

    /// <summary>The embedded parts whose names start with <paramref name="prefix"/> (see Gateway.csproj), joined in name order.</summary>
    public static JoinedFile Join(Assembly assembly, string prefix, string contentType)
    {
        var parts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (parts.Count == 0)
        {
            throw new InvalidOperationException($"No parts named {prefix}* are embedded in {assembly.GetName().Name}.");
        }
        using var joined = new MemoryStream();
        foreach (var part in parts)
        {
            using var stream = assembly.GetManifestResourceStream(part)!;
            stream.CopyTo(joined);
        }
        return new JoinedFile(joined.ToArray(), contentType);
    }

    /// <summary>The whole file, or 304 Not Modified for a browser that already holds it.</summary>
    public IResult Serve() => Results.Bytes(Content, ContentType, entityTag: ETag);
}
