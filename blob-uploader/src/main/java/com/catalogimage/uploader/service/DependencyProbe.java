package com.catalogimage.uploader.service;

/** The cheapest call proving the remote dependency serves us again; {@link ConsumptionPause} resumes when it passes. */
@FunctionalInterface
public interface DependencyProbe {

    /** Returns when the dependency answers as it should; throws (with a reason) otherwise. */
    void check();
}
