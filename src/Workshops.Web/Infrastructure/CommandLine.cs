namespace Workshops.Web.Infrastructure;

public enum Verb
{
    Serve,
    Migrate,
    AdminCreate,
    ImportArchive,
    Backup,
    Restore,
}

/// <summary>The verbs of the one executable; everything it does not know is passed on to the host as settings.</summary>
public sealed record CommandLine(Verb Verb, bool SeedDemo, string? Email, string? Password, string? Name, string[] HostArgs, string? Error, string? Folder = null,
    bool PasswordFromStdin = false)
{
    /// <summary>Where admin create finds the password when it is not on the command line, where anyone on the machine could read it.</summary>
    public const string PasswordVariable = "WORKSHOPS_ADMIN_PASSWORD";

    public const string Usage = """
        Usage:
          dotnet run --project src/Workshops.Web                      start the site
          dotnet run --project src/Workshops.Web -- --seed-demo       start the site with demo workshops
          dotnet run --project src/Workshops.Web -- migrate           apply database migrations and exit
          dotnet run --project src/Workshops.Web -- admin create --email you@example.org --password-stdin [--name 'Your Name']
              (the password is the first line of standard input; or set WORKSHOPS_ADMIN_PASSWORD; --password '...' works too,
              but other users of the machine can read it in the process list)
          dotnet run --project src/Workshops.Web -- import-archive path/to/jekyll-site   import a static site's archive and exit
          dotnet run --project src/Workshops.Web -- backup /path/to/new-folder    back up the database and files (also while the site runs)
          dotnet run --project src/Workshops.Web -- restore /path/to/backup       restore a backup onto a new data folder or an empty database
        """;

    public static CommandLine Parse(string[] args)
    {
        var rest = new List<string>();
        var verb = Verb.Serve;
        var seed = false;
        var stdin = false;
        string? email = null, password = null, name = null, error = null, folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            switch (a)
            {
                case "--seed-demo": seed = true; break;
                case "migrate" when i == 0: verb = Verb.Migrate; break;
                case "admin" when i == 0:
                    if (Next() != "create") error = "The admin verb knows one action: admin create.";
                    verb = Verb.AdminCreate;
                    break;
                case "import-archive" when i == 0:
                    verb = Verb.ImportArchive;
                    folder = Next();
                    if (string.IsNullOrWhiteSpace(folder)) error = "import-archive needs the folder of the site: import-archive path/to/site.";
                    break;
                case "backup" or "restore" when i == 0:
                    verb = a == "backup" ? Verb.Backup : Verb.Restore;
                    folder = Next();
                    if (string.IsNullOrWhiteSpace(folder)) error = $"{a} needs a folder: {a} /path/to/folder.";
                    break;
                case "--email" when verb == Verb.AdminCreate: email = Next(); break;
                case "--password" when verb == Verb.AdminCreate: password = Next(); break;
                case "--password-stdin" when verb == Verb.AdminCreate: stdin = true; break;
                case "--name" when verb == Verb.AdminCreate: name = Next(); break;
                default: rest.Add(a); break;
            }
        }
        if (verb == Verb.AdminCreate && error is null && string.IsNullOrWhiteSpace(email))
            error = "admin create needs --email.";
        if (verb == Verb.AdminCreate && error is null && string.IsNullOrEmpty(password) && !stdin && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PasswordVariable)))
            error = $"admin create needs a password: --password-stdin (and type it, or pipe it in), or {PasswordVariable} set in the environment.";
        return new CommandLine(verb, seed, email, password, name, rest.ToArray(), error, folder, stdin);
    }
}
