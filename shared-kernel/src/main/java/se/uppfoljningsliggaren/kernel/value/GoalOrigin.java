package se.uppfoljningsliggaren.kernel.value;

/** Who set the goal: regionfullmäktige or the nämnd itself. */
public enum GoalOrigin { RF, NAMND }
