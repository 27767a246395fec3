namespace Switchboard.Tests.Deployment;

/// <summary>Every environment variable docker-compose.yml and deploy/kubernetes/ set is a setting the code reads.</summary>
public sealed class DeploymentSettingsTests
{
    private readonly SettingsTheCodeReads _settings = new();

    [Fact]
    public void Every_variable_the_deployment_files_set_is_read_by_the_code()
    {
        var settings = DeploymentFiles.EnvironmentSettings().ToList();
        Assert.True(settings.Count > 20, $"Expected the compose file and the manifests to set many variables; found {settings.Count}.");

        var rejected = settings
            .Select(setting => (setting, reason: _settings.Reject(setting)))
            .Where(entry => entry.reason is not null)
            .Select(entry => $"{entry.setting.Where}: {entry.setting.Name}={entry.setting.Value ?? "(reference)"}: {entry.reason}")
            .ToList();
        Assert.True(rejected.Count == 0, "Settings nothing reads:\n" + string.Join("\n", rejected));
    }

    [Theory]
    [InlineData("Cluster__Redsi", "redis:6379")]
    [InlineData("Cluster__SiloPort", "eleven")]
    [InlineData("Cluster__Kubernetes__Enable", "true")]
    [InlineData("Cluster__Membership__ProbeTimeOut2", "00:00:05")]
    [InlineData("Metrics__Port", "9464")]
    [InlineData("Clustre__Mode", "Cluster")]
    [InlineData("POD_HOST", "x")]
    public void A_misspelt_or_mistyped_setting_is_rejected(string name, string value) =>
        Assert.NotNull(_settings.Reject(new EnvironmentSetting("test", name, value)));

    [Theory]
    [InlineData("Cluster__Kubernetes__Enabled", "true")]
    [InlineData("Cluster__Membership__ProbeTimeout", "00:00:02")]
    [InlineData("Cluster__Messaging__ResponseTimeout", "00:00:10")]
    [InlineData("Cluster__Gateways__GatewayListRefreshPeriod", "00:00:30")]
    [InlineData("Dashboard__HistoryLength", "100")]
    [InlineData("Storage__DataDirectory", "/data")]
    [InlineData("POD_NAME", "silo-0")]
    public void A_setting_the_code_reads_is_accepted(string name, string value) =>
        Assert.Null(_settings.Reject(new EnvironmentSetting("test", name, value)));

    [Fact]
    public void The_sections_bound_onto_Orleans_types_are_still_named_by_the_product()
    {
        var productConstants = SettingsTheCodeReads.ProductConstants();
        Assert.All(SettingsTheCodeReads.SectionsBoundOntoOrleans.Keys, section => Assert.Contains(section, productConstants));
    }

    [Fact]
    public void Options_classes_are_found_by_their_section()
    {
        var sections = _settings.Sections.Select(entry => entry.Section).ToHashSet();
        Assert.Superset(new HashSet<string> { "Cluster", "Cluster:Kubernetes", "Metrics", "Storage", "Demo", "Gateway", "Dashboard" }, sections);
    }
}
