using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Registrations;

/// <summary>What the registration fields partial needs.</summary>
public sealed record RegistrationFormView(RegistrationForm Form, Workshop Workshop, RegistrationSetup Setup, bool TrackLocked, string? Controller = null);
