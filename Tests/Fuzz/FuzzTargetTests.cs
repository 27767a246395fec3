using Switchboard.LoadTests.Bench;
using Switchboard.LoadTests.Cli;
using Switchboard.LoadTests.Fuzz;

namespace Switchboard.Tests.Fuzz;

/// <summary>
/// The fuzz targets in every run, without afl-fuzz: each handles its seed corpus (which keeps the inputs afl-fuzz
/// once found crashing, as regressions), and each refuses what it must refuse rather than passing everything.
/// </summary>
public sealed class FuzzTargetTests
{
    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_input_of_the_corpus_is_handled(string name)
    {
        var corpus = Path.Combine(RepositoryPaths.Find().Root, "LoadTests", "Fuzz", "corpus", name);
        var files = Directory.GetFiles(corpus);

        Assert.NotEmpty(files);
        Assert.Equal(0, FuzzCommand.Run(name, instrumentDirectory: null, replay: corpus));
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"id\":\"m-1\",\"text\":\"\xC3\x28\"}")]
    [InlineData("{\"type\":\"hello\",\"visitorToken\":12345678901234567890123}")]
    [InlineData("{\"type\":\"cart\",\"items\":[{\"quantity\":1e999}]}")]
    [InlineData("{\"type\":\"rate\",\"score\":\"five\"}")]
    public void A_frame_with_a_field_of_the_wrong_kind_is_refused_not_failed(string frame)
    {
        FrameTarget.Run(System.Text.Encoding.Latin1.GetBytes(frame));
    }
}
