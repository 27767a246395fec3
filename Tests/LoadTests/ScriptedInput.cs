using System.Collections.Concurrent;

namespace Switchboard.Tests.LoadTests;

/// <summary>Standard input a test types into: <see cref="ReadLine"/> waits for the next line, <see cref="End"/> is Ctrl+D.</summary>
public sealed class ScriptedInput : TextReader
{
    private readonly BlockingCollection<string?> _lines = [];

    public void Type(string line) => _lines.Add(line);

    public void End() => _lines.Add(null);

    public override string? ReadLine() => _lines.Take();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _lines.Dispose();
        }
        base.Dispose(disposing);
    }
}
