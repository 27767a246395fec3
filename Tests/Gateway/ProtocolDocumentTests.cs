using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.LoadTests.Bench;
using Switchboard.Wire;

namespace Switchboard.Tests.Gateway;

/// <summary>docs/protocol.md and the frame records of Switchboard.Wire name the same frames, side by side.</summary>
public sealed partial class ProtocolDocumentTests
{
    [Theory]
    [InlineData(FrameSide.Event)]
    [InlineData(FrameSide.VisitorToServer)]
    [InlineData(FrameSide.ServerToVisitor)]
    [InlineData(FrameSide.OperatorToServer)]
    [InlineData(FrameSide.ServerToOperator)]
    public void Every_documented_frame_has_a_record_and_every_record_is_documented(FrameSide side)
    {
        var documented = DocumentedFrames(File.ReadAllText(Path.Combine(RepositoryPaths.Find().Root, "docs", "protocol.md")))[side];
        var records = RecordedFrames(side);

        var withoutRecord = documented.Except(records).ToList();
        var undocumented = records.Except(documented).ToList();

        Assert.NotEmpty(documented);
        Assert.True(withoutRecord.Count == 0, $"{side} frames in docs/protocol.md without a record: {string.Join(", ", withoutRecord)}");
        Assert.True(undocumented.Count == 0, $"{side} frame records not in docs/protocol.md: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void Every_frame_record_is_in_the_generated_context()
    {
        var missing = FrameRecords().Where(type => WireContext.Default.GetTypeInfo(type) is null).Select(type => type.Name);

        Assert.Empty(missing);
    }

    private static IEnumerable<Type> FrameRecords() =>
        typeof(WireContext).Assembly.GetTypes().Where(type => type.GetCustomAttributes<WireFrameAttribute>().Any());

    private static HashSet<string> RecordedFrames(FrameSide side) =>
        [.. FrameRecords().SelectMany(type => type.GetCustomAttributes<WireFrameAttribute>()).Where(a => a.Side == side).Select(a => a.Type)];

    /// <summary>
    /// Frame types as the document lists them: the first cell of each frame table (events; each socket's client table;
    /// the operator's server table) and the visitor's "Server → client:" paragraph, leaving out what is in parentheses.
    /// </summary>
    private static Dictionary<FrameSide, HashSet<string>> DocumentedFrames(string document)
    {
        var sections = document.Split("\n## ");
        string Section(string heading) => sections.Single(s => s.StartsWith(heading, StringComparison.Ordinal));
        var visitor = Section("Visitor socket");
        var operatorTables = Tables(Section("Operator socket"));
        return new()
        {
            [FrameSide.Event] = Tables(Section("Conversation events"))[0],
            [FrameSide.VisitorToServer] = Tables(visitor)[0],
            [FrameSide.ServerToVisitor] = Names(OutsideParentheses(Paragraph(visitor, "Server → client:"))),
            [FrameSide.OperatorToServer] = operatorTables[0],
            [FrameSide.ServerToOperator] = operatorTables[1],
        };
    }

    /// <summary>Each table's frame names, from the first cell of its rows (header and rule rows have none).</summary>
    private static List<HashSet<string>> Tables(string section)
    {
        var tables = new List<HashSet<string>>();
        var inTable = false;
        foreach (var line in section.Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }
            if (!inTable)
            {
                tables.Add([]);
                inTable = true;
            }
            tables[^1].UnionWith(Names(line.Split('|')[1]));
        }
        return tables;
    }

    private static string Paragraph(string section, string start)
    {
        var from = section.IndexOf(start, StringComparison.Ordinal);
        var end = section.IndexOf("\n\n", from, StringComparison.Ordinal);
        return section[from..end];
    }

    /// <summary>The text without its parenthesized asides; parentheses inside code spans are code, not asides.</summary>
    private static string OutsideParentheses(string text)
    {
        var kept = new StringBuilder();
        var (inCode, depth) = (false, 0);
        foreach (var c in text)
        {
            if (c == '`')
            {
                inCode = !inCode;
            }
            else if (!inCode && c is '(' or ')')
            {
                depth += c == '(' ? 1 : -1;
                continue;
            }
            if (depth == 0)
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static HashSet<string> Names(string text) => [.. FrameName().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex FrameName();
}
