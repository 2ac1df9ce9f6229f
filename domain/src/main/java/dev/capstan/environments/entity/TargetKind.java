package dev.capstan.environments.entity;

import java.util.List;

/**
 * Where an environment's deployments go, and which settings each kind takes. The adapters that
 * act on them arrive with deployments; the settings are kept typed and versioned from now on.
 * No setting holds a secret: a {@link TargetSetting.Type#SECRET_NAME} names a secret kept elsewhere.
 */
public enum TargetKind {
    /** Not deployable yet. */
    NONE(List.of()),
    /** A host reached over SSH, running docker compose (field notes 3 and 5). */
    SSH_HOST(List.of(
            TargetSetting.of(TargetSetting.Type.HOST, "host", true, null, "Host name or address of the server"),
            TargetSetting.integer("port", "22", "SSH port"),
            TargetSetting.of(TargetSetting.Type.USER, "user", true, null, "User Capstan signs in as"),
            TargetSetting.of(TargetSetting.Type.ABSOLUTE_PATH, "directory", true, null, "Directory holding the compose file"),
            TargetSetting.of(TargetSetting.Type.RELATIVE_PATH, "composeFile", false, "docker-compose.yml", "Compose file, relative to the directory"))),
    /** An EC2 instance driven by AWS Systems Manager Run Command (field notes 2). */
    AWS_SSM(List.of(
            TargetSetting.of(TargetSetting.Type.IDENTIFIER, "region", true, null, "AWS region, e.g. eu-west-1"),
            TargetSetting.of(TargetSetting.Type.IDENTIFIER, "instanceId", true, null, "EC2 instance id, e.g. i-0abc123"),
            TargetSetting.of(TargetSetting.Type.ABSOLUTE_PATH, "directory", true, null, "Directory of the checkout on the instance"),
            TargetSetting.of(TargetSetting.Type.IDENTIFIER, "document", false, "AWS-RunShellScript", "SSM document to run"),
            TargetSetting.of(TargetSetting.Type.HOST, "sshFallbackHost", false, null, "Host to use over SSH when SSM is unavailable"))),
    /** A Render service, deployed by its deploy hook or the Render API (field notes 4). */
    RENDER(List.of(
            TargetSetting.of(TargetSetting.Type.IDENTIFIER, "serviceId", true, null, "Render service id, e.g. srv-abc123"),
            TargetSetting.secretName("deployHookSecret", false, "Secret holding the deploy hook URL"),
            TargetSetting.secretName("apiKeySecret", false, "Secret holding a Render API key"),
            TargetSetting.bool("clearCache", "false", "Clear the build cache on each deploy"))),
    /** A Railway project environment (field notes 1). */
    RAILWAY(List.of(
            TargetSetting.of(TargetSetting.Type.IDENTIFIER, "projectId", true, null, "Railway project id"),
            TargetSetting.of(TargetSetting.Type.IDENTIFIER, "environmentId", true, null, "Railway environment id"),
            TargetSetting.secretName("tokenSecret", false, "Secret holding a Railway API token")));

    /** The version of every kind's settings layout that this Capstan writes. */
    public static final int SETTINGS_VERSION = 1;

    private final List<TargetSetting> settings;

    TargetKind(List<TargetSetting> settings) {
        this.settings = settings;
    }

    public List<TargetSetting> settings() {
        return settings;
    }
}
