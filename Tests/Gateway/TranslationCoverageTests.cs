using Switchboard.Tests.Cluster;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Gateway;

/// <summary>
/// Every user-facing string of the widget and the console exists in both English and Russian: a key added in one
/// language only fails here, naming the file and the key. (The server's own texts to visitors are written as
/// one Russian/English pair per text, so they cannot miss one.)
/// </summary>
public sealed class TranslationCoverageTests
{
    private static readonly string[] PluralForms = ["zero", "one", "two", "few", "many", "other"];

    public static TheoryData<string> StringFiles() => [.. Files()];

    private static List<string> Files()
    {
        var gateway = Path.Combine(ClusterNodes.RepoRoot, "Gateway");
        var files = Directory.GetFiles(Path.Combine(gateway, "Widget"), "*.js")
            .Concat(Directory.GetFiles(Path.Combine(gateway, "wwwroot", "console"), "*.js"))
            .Where(file => StringTableKeys.Of(File.ReadAllText(file), "en").Count + StringTableKeys.Of(File.ReadAllText(file), "ru").Count > 0)
            .Select(file => Path.GetRelativePath(ClusterNodes.RepoRoot, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return files.ToList();
    }

    [Theory]
    [MemberData(nameof(StringFiles))]
    public void Each_string_table_has_every_key_in_english_and_in_russian(string file)
    {
        var source = File.ReadAllText(Path.Combine(ClusterNodes.RepoRoot, file));
        var english = Bases(StringTableKeys.Of(source, "en"));
        var russian = Bases(StringTableKeys.Of(source, "ru"));

        Assert.True(english.SetEquals(russian),
            $"{file}: only in English: [{string.Join(", ", english.Except(russian).Order())}]; only in Russian: [{string.Join(", ", russian.Except(english).Order())}]");
    }

    [Fact]
    public void The_widget_and_the_console_and_its_monitor_all_have_string_tables_the_test_reads()
    {
        var files = Files();

        Assert.Contains("Gateway/Widget/1-setup.js", files);
        Assert.Contains("Gateway/wwwroot/console/strings-console.js", files);
        Assert.Contains("Gateway/wwwroot/console/strings-monitor.js", files);
        // The reader sees real tables: the widget's has its title, the console's its sign-in heading, in both languages.
        var widget = File.ReadAllText(Path.Combine(ClusterNodes.RepoRoot, "Gateway/Widget/1-setup.js"));
        Assert.Contains("title", StringTableKeys.Of(widget, "ru"));
        var console = File.ReadAllText(Path.Combine(ClusterNodes.RepoRoot, "Gateway/wwwroot/console/strings-console.js"));
        Assert.Contains("login.heading", StringTableKeys.Of(console, "en"));
    }

    [Fact]
    public void A_key_missing_in_one_language_is_found()
    {
        const string source = "const S = { en: { title: 'Chat', 'a.b': 'x, y: z', count: { n: 1 } }, ru: { title: 'Чат', count: 2 } };";

        Assert.Equal(["a.b", "count", "title"], StringTableKeys.Of(source, "en").Order());
        Assert.Equal(["count", "title"], StringTableKeys.Of(source, "ru").Order());
    }

    /// <summary>Plural forms differ by language (Russian has few and many): a key counts once, by its base.</summary>
    private static HashSet<string> Bases(IReadOnlySet<string> keys) => keys
        .Select(key => key.LastIndexOf('.') is var dot and > 0 && PluralForms.Contains(key[(dot + 1)..]) ? key[..dot] : key)
        .ToHashSet(StringComparer.Ordinal);
}
