package io.stsgate.runtime;

import io.quarkus.runtime.configuration.ConfigUtils;

/** Whether stsgate runs with the production profile, where demo values and generated keys are refused. */
final class Profiles {

    private Profiles() {
    }

    static boolean production() {
        return ConfigUtils.getProfiles().contains("prod");
    }
}
