"""A small English original, its Ukrainian translation and known back-translations."""

from __future__ import annotations

ORIGINAL = [
    "The city council approved the new budget for public transport on Tuesday.",
    "The plan adds forty electric buses to the fleet by next summer.",
    "Critics say the fares will rise for students and pensioners.",
    "The mayor promised to publish the full contract next week.",
    "Construction of the new depot will begin in the northern district.",
    "Residents can send their comments to the council until the end of March.",
]

TRANSLATION = [
    "Міська рада у вівторок схвалила новий бюджет на громадський транспорт.",
    "План передбачає сорок нових електробусів до наступного літа.",
    "Критики кажуть, що тарифи зростуть для студентів і пенсіонерів.",
    "Мер пообіцяв оприлюднити повний контракт наступного тижня.",
    "Будівництво нового депо розпочнеться в північному районі.",
    "Мешканці можуть надсилати свої коментарі до ради до кінця березня.",
]

# Imperfect, as a real model's would be: word order and word choice differ.
BACK = [
    "On Tuesday the city council approved a new budget for public transport.",
    "The plan provides forty new electric buses by next summer.",
    "Critics say that fares will increase for students and pensioners.",
    "The mayor promised to make public the full contract next week.",
    "Construction of a new depot will start in the northern district.",
    "Residents can send their comments to the council until the end of March.",
]

WRONG = "Мер відмовився коментувати вчорашній футбольний матч."
WRONG_BACK = "Yesterday's football game was a draw, said the coach."

ADDED = "Редакція не отримала відповіді від перевізника."
ADDED_BACK = "The editors did not receive an answer from the carrier."

MERGED = "Міська рада у вівторок схвалила новий бюджет на транспорт: сорок нових електробусів до наступного літа."
MERGED_BACK = "On Tuesday the city council approved a new transport budget: forty new electric buses by next summer."

BACK_TABLE = {
    **dict(zip(TRANSLATION, BACK, strict=True)),
    WRONG: WRONG_BACK,
    ADDED: ADDED_BACK,
    MERGED: MERGED_BACK,
}
