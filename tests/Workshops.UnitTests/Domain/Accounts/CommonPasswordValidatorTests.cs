using Workshops.Core.Domain.Accounts;

namespace Workshops.UnitTests.Domain.Accounts;

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

    [Theory]
    [InlineData("Living Atlases Workshops 2026")]
    [InlineData("livingatlasesworkshops!!")]
    [InlineData("my living-atlases-workshops pw")]
    public void A_password_with_the_sites_name_in_it_fails(string password) =>
        Assert.Contains("site's name", CommonPasswordValidator.Check(password, "ana@example.org", "Ana", "Living Atlases Workshops"));

    [Theory]
    [InlineData("my address is ana.lima@example.org")]
    [InlineData("ANA.LIMA@EXAMPLE.ORG and more")]
    [InlineData("analima forever and ever")]
    public void A_password_with_the_persons_email_in_it_fails(string password) =>
        Assert.Contains("email", CommonPasswordValidator.Check(password, "ana.lima@example.org", "Ana Lima", "Workshops"));

    [Fact]
    public void The_list_holds_at_least_the_ten_thousand_most_common_passwords()
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), "src", "Workshops.Core", "Domain", "Accounts", "common-passwords.txt")).Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.True(lines.Count >= 10_000, $"{lines.Count} passwords");
        Assert.Equal("123456", lines[0]);
        Assert.True(File.Exists(Path.Combine(Root(), "src", "Workshops.Core", "Domain", "Accounts", "common-passwords.LICENSE.txt")));
        // Long ones from the list are refused however they are written.
        Assert.Contains("common passwords", CommonPasswordValidator.Check("1QAZ2WSX3EDC", null, null));
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Workshops.sln"))) dir = dir.Parent;
        return dir.FullName;
    }
}
