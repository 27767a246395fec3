namespace Switchboard.Gateway.Attachments;

/// <summary>How a media program ended: its exit code (0 is success), what it wrote to its error output, and what it printed.</summary>
public sealed record MediaToolResult(int ExitCode, string Errors, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
