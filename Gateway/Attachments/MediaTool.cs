using System.ComponentModel;
using System.Diagnostics;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// A Debian program the gateway runs on an upload (ffmpeg for video, heif-convert for HEIC photos), with its arguments
/// as a list (no shell), a time limit and its error output kept for the log. A program that is not installed is no
/// crash: the caller learns it is missing and degrades.
/// </summary>
public sealed class MediaTool(string program, TimeSpan timeLimit)
{
    private const int MaxErrorChars = 2000;

    public string Program => program;

    /// <summary>What the program printed (its standard output), or null when it is not installed or failed.</summary>
    public async Task<string?> RunListingAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await RunAsync(arguments, cancellationToken);
        return result is { Succeeded: true } ? result.Output : null;
    }

    /// <summary>The outcome, or null when the program is not installed (or not where configuration says).</summary>
    public async Task<MediaToolResult?> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return null;
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // A hostile file must not keep a process (and its CPU) busy after the upload has been answered.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new MediaToolResult(-1, $"{Path.GetFileName(program)} took longer than {timeLimit.TotalSeconds:0} s and was stopped.", "");
        }
        var printed = await output;
        var text = (await errors).Trim();
        return new MediaToolResult(process.ExitCode, text.Length > MaxErrorChars ? text[..MaxErrorChars] : text, printed);
    }
}
