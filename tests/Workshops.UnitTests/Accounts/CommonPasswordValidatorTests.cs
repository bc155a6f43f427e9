using Workshops.Core.Accounts;

namespace Workshops.UnitTests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("ñandú en la pampa 2026")]
    [InlineData("ALLUPPERCASEISFINE")]
    public void Long_passphrases_without_composition_rules_pass(string password) =>
        Assert.Null(CommonPasswordValidator.Check(password, "ana@example.org", "Ana"));

    [Theory]
    [InlineData("elevenchars", "at least 12")]
    [InlineData("1qaz2wsx3edc", "common passwords")]
    [InlineData("QAZWSXEDCRFV", "common passwords")]
    [InlineData("abababababababab", "repeats")]
    [InlineData("ana.perez@example.org!", "email")]
    [InlineData("anaperezgarcia", "email")]
    public void Weak_passwords_fail_with_a_reason(string password, string reason)
    {
        var error = CommonPasswordValidator.Check(password, "anaperezgarcia@example.org".Replace("anaperezgarcia", password.StartsWith("ana.") ? "ana.perez" : "anaperezgarcia"), "Ana Perez");
        Assert.NotNull(error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Up_to_128_characters_are_allowed_and_no_more()
    {
        var ok = string.Concat(Enumerable.Repeat("moss fern ", 13))[..128];
        Assert.Null(CommonPasswordValidator.Check(ok, null, null));
        Assert.Contains("at most 128", CommonPasswordValidator.Check(ok + "x", null, null));
    }
}
