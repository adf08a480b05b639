package io.earshot.triage.domain;

/** Decides whether a comment praises, complains or is neutral. */
public interface StanceClassifier {

    Stance classify(String text, String lang);

    /** Name and version, carried in every triaged event so a verdict can be traced to the model that made it. */
    String model();
}
