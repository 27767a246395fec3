using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Switchboard.Tests.Deployment;

/// <summary>
/// The documents of a YAML file as plain dictionaries, lists and strings, with compose's merge keys
/// (<c>&lt;&lt;: *cluster</c>) applied, so tests read them the way Docker Compose and Kubernetes do.
/// </summary>
public static class YamlDocuments
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<Dictionary<object, object?>> Load(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<object?>(parser) is Dictionary<object, object?> document)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    /// <summary>The mapping at <paramref name="key"/>, or an empty one.</summary>
    public static Dictionary<object, object?> Map(this Dictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is Dictionary<object, object?> map ? map : [];

    /// <summary>The sequence at <paramref name="key"/>, or an empty one.</summary>
    public static IEnumerable<object?> Seq(this Dictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) && value is List<object?> list ? list : [];

    public static string? Text(this Dictionary<object, object?> node, string key) =>
        node.TryGetValue(key, out var value) ? value as string : null;

    public static IEnumerable<Dictionary<object, object?>> Maps(this IEnumerable<object?> items) =>
        items.OfType<Dictionary<object, object?>>();
}
