using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// The first admin's password reaches the command through standard input or the environment, so it never stands in
/// the process list where other users of the machine can read it.
/// </summary>
public sealed class AdminCreateTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(_data);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("stdin")]
    [InlineData("environment")]
    public async Task The_password_comes_from_outside_the_command_line(string how)
    {
        const string password = "a secret nobody may list 42";
        var email = $"root-{how}@example.org";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { SiteProcess.BuiltSite(), "admin", "create", "--email", email }) start.ArgumentList.Add(a);
        if (how == "stdin") start.ArgumentList.Add("--password-stdin");
        else start.Environment["WORKSHOPS_ADMIN_PASSWORD"] = password;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = _database.Provider;
        start.Environment["Database__ConnectionString"] = _database.ConnectionString;
        start.Environment["Storage__DataDirectory"] = _data;

        using var process = Process.Start(start)!;
        Assert.DoesNotContain(password, string.Join(' ', start.ArgumentList));
        if (how == "stdin") await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(options, new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(_database.Provider), ConnectionString = _database.ConnectionString }, _data);
        await using var db = new AppDbContext(options.Options);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
    }
}
