using Redirector.Domain.Config;

namespace Redirector.Properties.Config;

/// <summary>strict_permissions (issue 7): a flag of the main file, off by default.</summary>
public class StrictPermissionsTests
{
    static ReadResult<MainConfig> Read(string yaml) =>
        MainConfigReader.Read("config.yml", yaml, "/etc/redirector");

    [Fact]
    public void Is_off_by_default() =>
        Assert.False(Read("log_level: INFO\n").Value.Match(m => m.StrictPermissions, _ => true));

    [Fact]
    public void Reads_true_without_warnings()
    {
        var result = Read("strict_permissions: true\n");
        Assert.True(result.Value.Match(m => m.StrictPermissions, _ => false));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_value_that_is_not_a_boolean_is_a_positioned_error()
    {
        var error = Assert.Single(Read("log_level: INFO\nstrict_permissions: maybe\n").Errors);
        Assert.Equal(("strict_permissions", 2), (error.Field, error.Line));
    }
}
