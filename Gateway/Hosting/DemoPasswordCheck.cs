using Microsoft.Extensions.Options;
using Switchboard.Gateway.Sites;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Outside Development the demo site may be seeded only with a password of the operator's own: its logins are
/// public knowledge, and a deployment that kept the shipped <c>demo</c> (or a short placeholder such as
/// <c>CHANGE-ME</c>) would be open to anyone who read the README. The start fails with what to set.
/// </summary>
public sealed class DemoPasswordCheck(IHostEnvironment environment) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        if (!options.Enabled || environment.IsDevelopment())
        {
            return ValidateOptionsResult.Success;
        }
        if (options.OperatorPassword == DemoOptions.DefaultPassword || options.OperatorPassword.Length < ConfiguredSites.MinPasswordLength)
        {
            return ValidateOptionsResult.Fail(
                $"The demo site is enabled in the '{environment.EnvironmentName}' environment with the default or a short password. " +
                $"Set Demo__OperatorPassword to a secret of at least {ConfiguredSites.MinPasswordLength} characters, " +
                "or Demo__Enabled=false and configure your own site (Sites__0__Id, Sites__0__AdminPassword; docs/security.md).");
        }
        return ValidateOptionsResult.Success;
    }
}
